package org.sanctuary.tenants;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.sanctuary.common.runtime.ServiceMain;

@OpenAPIDefinition(
        info = @Info(title = "Sanctuary tenants", version = "v1",
                description = "Tenant registry (platform administrators) and national policy packs"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class TenantsApplication {

    public static void main(String[] args) {
        ServiceMain.run(TenantsApplication.class, args);
    }
}
