// Starts Swagger UI on the app's OpenAPI document (a file, not an inline script, for the CSP).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
