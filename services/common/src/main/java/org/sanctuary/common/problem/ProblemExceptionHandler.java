package org.sanctuary.common.problem;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Singleton
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {

    private final ProblemErrorResponseProcessor processor;
    private final BeanProvider<RefusalRecorder> audit; // none in the gateway, which has no database

    ProblemExceptionHandler(ProblemErrorResponseProcessor processor, BeanProvider<RefusalRecorder> audit) {
        this.processor = processor;
        this.audit = audit;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        if (exception.type().status().getCode() >= 500) {
            LOG.error("{} on {} {}: {}", exception.type().uri(), request.getMethod(), request.getPath(), exception.getMessage());
        }
        exception.refusal().ifPresent(refusal -> audit.ifPresent(trail -> {
            try {
                trail.record(refusal);
            } catch (RuntimeException e) {
                LOG.error("refusal of {} {} not audited: {}", refusal.action(), refusal.resourceId(), e.getMessage());
            }
        }));
        return processor.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(exception.type().status()));
    }
}
