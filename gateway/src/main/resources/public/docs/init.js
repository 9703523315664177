window.ui = SwaggerUIBundle({ url: '/api/openapi', dom_id: '#swagger-ui' });
