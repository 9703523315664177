package org.sanctuary.documents;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.sanctuary.common.runtime.ServiceMain;

@OpenAPIDefinition(
        info = @Info(title = "Sanctuary documents", version = "v1",
                description = "Evidence for claims: streamed, sniffed, checksummed, encrypted under the tenant's key"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class DocumentsApplication {

    public static void main(String[] args) {
        ServiceMain.run(DocumentsApplication.class, args);
    }
}
