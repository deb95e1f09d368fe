/** The REST API for operators. */
package com.leadlex.importer.web;
