package com.leadlex.importer.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.leadlex.importer.staging.ContactListRejectedException;

/** A list or campaign ID the importer cannot use is the caller's to fix: 400 with the reason in words. */
@RestControllerAdvice(basePackages = "com.leadlex.importer.web")
public class ApiErrors {

    @ExceptionHandler(ContactListRejectedException.class)
    ProblemDetail rejected(ContactListRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("List not accepted");
        return problem;
    }
}
