// Swagger UI over this server's OpenAPI description, from the locally served bundle.
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    validatorUrl: null, // the default would send the description to an outside validator
    deepLinking: false,
  });
});
