package org.sanctuary.common.runtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/**
 * Every service's {@code main}. With {@code SANCTUARY_MIGRATE_ONLY=true} the same image only
 * migrates its database (Liquibase runs as the owner datasource is created) and exits 0 — the
 * deployment runs it as a pre-install/pre-upgrade hook job, and the services then start with
 * {@code SANCTUARY_MIGRATE=false}.
 */
public final class ServiceMain {

    private ServiceMain() {
    }

    public static void run(Class<?> application, String... args) {
        if ("true".equalsIgnoreCase(System.getenv("SANCTUARY_MIGRATE_ONLY"))) {
            int status = 0;
            try (ApplicationContext context = ApplicationContext.builder(application).args(args).start()) {
                System.out.println("migrations applied for " + context.getEnvironment().getProperty(
                        "micronaut.application.name", String.class).orElse(application.getSimpleName()));
            } catch (RuntimeException e) {
                e.printStackTrace();
                status = 1;
            }
            // a one-shot job: end now, whatever pool or scheduler thread a library left behind
            System.exit(status);
        }
        Micronaut.run(application, args);
    }
}
