package com.leadlex.importer.sandbox;

/** LeadLex's error body: {@code {"error": {"code": "...", "message": "..."}}}. */
record ErrorResponse(Detail error) {

    static ErrorResponse of(SandboxError error) {
        return new ErrorResponse(new Detail(error.code(), error.message()));
    }

    record Detail(String code, String message) {
    }
}
