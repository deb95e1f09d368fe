package com.leadlex.importer.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.leadlex.importer.intake.ImporterStartingException;
import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * A list or campaign ID the importer cannot use is the caller's to fix: 400 with the reason in words.
 * A list sent while the importer is still starting: 503 with {@code Retry-After}.
 */
@RestControllerAdvice(basePackages = "com.leadlex.importer.web")
public class ApiErrors {

    @ExceptionHandler(ContactListRejectedException.class)
    ProblemDetail rejected(ContactListRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("List not accepted");
        return problem;
    }

    @ExceptionHandler(ImporterStartingException.class)
    ResponseEntity<ProblemDetail> starting(ImporterStartingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Importer starting");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
