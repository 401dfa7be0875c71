// Drives Taskstream's MCP server with the official MCP TypeScript SDK, as an MCP host would:
// connect over Streamable HTTP with a bearer token, list the tools, add a task, find it again.
// Usage: node check.mjs <baseUrl> <bearerToken> <taskTitle>
// Prints one JSON object on stdout; exits non-zero on any protocol or transport failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [baseUrl, token, title] = process.argv.slice(2);
if (!baseUrl || !token || !title) {
  console.error("usage: node check.mjs <baseUrl> <bearerToken> <taskTitle>");
  process.exit(2);
}

const transport = new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: "taskstream-mcp-check", version: "1.0.0" });

const text = (result) => JSON.parse(result.content.find((c) => c.type === "text").text);

try {
  await client.connect(transport);
  const server = client.getServerVersion();
  const { tools } = await client.listTools();
  const added = await client.callTool({
    name: "add_task",
    arguments: { title, priority: "high", tags: ["mcp"], due: "2031-05-06" },
  });
  const listed = await client.callTool({ name: "list_tasks", arguments: { search: title } });
  console.log(JSON.stringify({
    server,
    tools: tools.map((t) => ({ name: t.name, required: t.inputSchema.required ?? [] })),
    added: { isError: added.isError ?? false, result: text(added) },
    listed: text(listed),
  }));
  await client.close();
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exit(1);
}
