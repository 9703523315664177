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
        if (exception.refusal().isPresent() && audit.isPresent()) {
            try {
                audit.get().record(exception.refusal().get());
            } catch (RuntimeException unrecorded) {
                // a refusal the chain cannot hold is not answered as a refusal: the recorder's failure is the answer
                // (the database away: 503), as when the entry was written in the request's own transaction
                LOG.error("refusal of {} {} not audited: {}", exception.refusal().get().action(),
                        exception.refusal().get().resourceId(), unrecorded.getMessage());
                return processor.processResponse(ErrorContext.builder(request).cause(unrecorded).build(),
                        HttpResponse.serverError());
            }
        }
        return processor.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(exception.type().status()));
    }
}
