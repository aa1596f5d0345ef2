using System.Text;

namespace ProductStore.AppHost.Publish;

/// <summary>
/// The files one publish produces, by path relative to the output folder ('/'-separated, ordinal order).
/// Writing replaces the previous publish: files it listed in <see cref="ListFile"/> and no longer produced are deleted.
/// </summary>
public sealed class PublishedFiles
{
    public const string ListFile = ".published";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void Add(string path, string text) => Add(path, Utf8.GetBytes(text));

    public void Copy(string path, string sourceFile) => Add(path, File.ReadAllBytes(sourceFile));

    public void WriteTo(string directory)
    {
        var listPath = Path.Combine(directory, ListFile);
        if (File.Exists(listPath))
        {
            foreach (var stale in File.ReadAllLines(listPath).Where(p => p.Length > 0 && !_files.ContainsKey(p)))
                File.Delete(Path.Combine(directory, stale));
        }
        else if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new InvalidOperationException($"{directory} is not empty and holds no earlier publish ({ListFile}): choose an empty or new folder.");
        }
        foreach (var (path, content) in _files)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }
        File.WriteAllText(listPath, string.Concat(_files.Keys.Select(p => p + "\n")), Utf8);
    }

    private void Add(string path, byte[] content)
    {
        if (!_files.TryAdd(path, content)) throw new InvalidOperationException($"Two sources publish to {path}.");
    }
}
