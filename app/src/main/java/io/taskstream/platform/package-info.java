/**
 * Thin shared infrastructure: configuration aliases, the embedded database, HTTP error mapping,
 * request ids and security. Open to every business module; holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.taskstream.platform;
