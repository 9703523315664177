package org.sanctuary.assessment;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.sanctuary.common.runtime.ServiceMain;

@OpenAPIDefinition(
        info = @Info(title = "Sanctuary assessment", version = "v1",
                description = "Explainable assessment of claims against the tenant's policy pack, simulation, decisions with four-eyes approval, appeals"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class AssessmentApplication {

    public static void main(String[] args) {
        ServiceMain.run(AssessmentApplication.class, args);
    }
}
