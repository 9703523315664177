package org.sanctuary.reporting;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.sanctuary.common.runtime.ServiceMain;

@OpenAPIDefinition(
        info = @Info(title = "Sanctuary reporting", version = "v1",
                description = "Statistics from the services' events, Eurostat conventions, small-cell protection"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ReportingApplication {

    public static void main(String[] args) {
        ServiceMain.run(ReportingApplication.class, args);
    }
}
