#!/usr/bin/env python3
"""A real MCP client for the end-to-end tests: the Model Context Protocol's Python SDK (`mcp` on PyPI)
starts `hindsight mcp` over stdio, initializes, and runs the steps read as JSON from standard input.

    mcp_client.py HINDSIGHT [ARGS...] < steps.json

Steps: {"op": "list_tools"} | {"op": "call", "name": ..., "arguments": {...}} | {"op": "list_resources"}
| {"op": "read_resource", "uri": ...}. Prints one JSON document: the initialize result, then one result
per step; a JSON-RPC error becomes {"error": {"code": ..., "message": ...}} and the session goes on.
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
try:
    from mcp.shared.exceptions import MCPError as McpError  # mcp 2.x
except ImportError:
    from mcp.shared.exceptions import McpError  # mcp 1.x


def dump(model):
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


async def run(command, steps):
    server = StdioServerParameters(command=command[0], args=command[1:], cwd=None)
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            initialized = dump(await session.initialize())
            results = []
            for step in steps:
                try:
                    if step["op"] == "list_tools":
                        results.append(dump(await session.list_tools()))
                    elif step["op"] == "call":
                        result = await session.call_tool(step["name"], step.get("arguments"))
                        results.append(dump(result))
                    elif step["op"] == "list_resources":
                        results.append(dump(await session.list_resources()))
                    elif step["op"] == "read_resource":
                        results.append(dump(await session.read_resource(step["uri"])))
                    else:
                        raise SystemExit("unknown step %r" % step["op"])
                except McpError as error:
                    results.append({"error": {"code": error.error.code, "message": error.error.message}})
            return {"initialize": initialized, "results": results}


def main():
    steps = json.load(sys.stdin)
    output = asyncio.run(run(sys.argv[1:], steps))
    json.dump(output, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
