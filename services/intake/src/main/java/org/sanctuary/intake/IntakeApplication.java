package org.sanctuary.intake;

import org.sanctuary.common.runtime.ServiceMain;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "Sanctuary intake", version = "v1",
                description = "Applicants, claims and their lifecycle, duplicate candidates"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class IntakeApplication {

    public static void main(String[] args) {
        ServiceMain.run(IntakeApplication.class, args);
    }
}
