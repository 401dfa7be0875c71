/**
 * The assistant: natural-language quick-add, the stateless chat endpoint with its engines (offline,
 * OpenAI-compatible model), and the MCP server. Both doors act through one set of task tools
 * ({@code tools}) that call the task use cases for the authenticated user only. No other module
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant")
package io.taskstream.assistant;
