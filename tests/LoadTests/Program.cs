using ProductStore.LoadTests.Cli;

return await LoadCommand.Create().Parse(args).InvokeAsync();
