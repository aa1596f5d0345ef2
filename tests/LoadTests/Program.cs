using ProductStore.LoadTests.Cli;

// A load generator's CPU belongs to requests, not thread hops: socket completions run on the event threads instead of
// being queued to the thread pool (scenario code never blocks). .NET reads this once, when the first socket is used.
const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (Environment.GetEnvironmentVariable(InlineSocketCompletions) is null) Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");

return await LoadCommand.Create().Parse(args).InvokeAsync();
