/** A faithful LeadLex stand-in served by the application itself, for the demo and the tests; off unless enabled. */
package com.leadlex.importer.sandbox;
