/** What cuts across features: time, executors, schema, start-up configuration and operator access. */
package com.leadlex.importer.system;
