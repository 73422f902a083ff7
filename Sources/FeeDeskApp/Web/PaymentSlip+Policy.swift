extension PaymentSlip {
    /// The Content-Security-Policy of the slip page: its own inline `<style>` and inline SVG QR code,
    /// no script and nothing loaded from anywhere. (The service's default policy allows only style
    /// sheets from `/assets/`, which would print the slip unstyled.)
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}
