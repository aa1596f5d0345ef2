namespace ProductStore.AppHost.Run;

/// <summary>Interleaves every process's output on the console, each line prefixed with its resource's name in its own colour.</summary>
internal static class ConsoleLog
{
    private static readonly ConsoleColor[] Colors =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkYellow];
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, ConsoleColor> ColorByName = [];

    public static void Write(string name, string line)
    {
        lock (Gate)
        {
            if (!ColorByName.TryGetValue(name, out var color))
                ColorByName[name] = color = Colors[ColorByName.Count % Colors.Length];
            Console.ForegroundColor = color;
            Console.Write($"{name,-12}| ");
            Console.ResetColor();
            Console.WriteLine(line);
        }
    }
}
