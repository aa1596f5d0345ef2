using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.TestSupport;
using ProductStore.TestSupport.ApiContract;

namespace ProductStore.EndToEnd.Tests.Contract;

/// <summary>The prism harness can fail: an answer that breaks the document is caught, a conforming one is not.</summary>
public sealed class PrismProxyTests
{
    private static readonly JsonObject Document = JsonNode.Parse("""
        {
          "openapi": "3.1.1", "info": { "title": "probe", "version": "1" }, "servers": [{ "url": "/" }],
          "paths": {
            "/things/{n}": { "get": {
              "operationId": "thing", "security": [{}],
              "parameters": [{ "name": "n", "in": "path", "required": true, "schema": { "type": "integer" } }],
              "responses": { "200": { "description": "a thing", "content": { "application/json": { "schema": {
                "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } } } } } }
            } }
          }
        }
        """)!.AsObject();

    [Fact]
    public async Task An_answer_that_breaks_the_document_is_a_violation_and_a_conforming_one_is_not()
    {
        if (ApiTools.Missing("prism") is { } reason) Assert.Skip(reason);
        // Thing 1 is as documented; thing 2 has a number for a name and an undocumented 404 status for thing 3.
        await using var upstream = await StubServer.StartAsync(app => app.MapGet("/things/{n:int}", (int n) => n switch
        {
            1 => Results.Json(new { name = "one" }),
            2 => Results.Json(new { name = 2 }),
            _ => Results.NotFound(),
        }));
        await using var prism = await PrismProxy.StartAsync(Document, upstream.Address);
        using var client = new HttpClient(prism.CreateHandler()) { BaseAddress = prism.Address };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/things/1")).StatusCode);
        Assert.Empty(prism.Violations);

        await client.GetAsync("/things/2");
        await client.GetAsync("/things/3");

        Assert.Equal(2, prism.Violations.Count);
        Assert.Contains(prism.Violations, v => v.Contains("/things/2") && v.Contains("VIOLATIONS"));
        Assert.Contains(prism.Violations, v => v.Contains("/things/3"));
        Assert.Equal(3, prism.Requests);
    }
}
