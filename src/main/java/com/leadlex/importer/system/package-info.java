/** What cuts across features: time, executors, schema and start-up configuration. */
package com.leadlex.importer.system;
