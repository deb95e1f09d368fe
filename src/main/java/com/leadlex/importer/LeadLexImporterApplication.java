package com.leadlex.importer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LeadLexImporterApplication {
    public static void main(String[] args) {
        SpringApplication.run(LeadLexImporterApplication.class, args);
    }
}
