namespace ProductStore.AppHost.Model;

/// <summary>The whole topology: resources by name, in an order where everything comes after what it references.</summary>
public sealed class AppModel
{
    private readonly Dictionary<string, Resource> _byName;

    public AppModel(IEnumerable<Resource> resources)
    {
        _byName = resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var resource in _byName.Values)
        {
            foreach (var reference in resource.References)
            {
                if (!_byName.ContainsKey(reference))
                    throw new InvalidOperationException($"Resource '{resource.Name}' references '{reference}', which is not in the model.");
            }
        }
        Resources = TopologicalOrder();
    }

    /// <summary>Dependencies first; ties broken by name so every output is deterministic.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    public IEnumerable<Resource> Projects => Resources.Where(r => r.Kind == ResourceKind.Project);

    public IEnumerable<Resource> Monitoring => Resources.Where(r => r.Kind == ResourceKind.Monitoring);

    public Resource this[string name] => _byName.TryGetValue(name, out var resource)
        ? resource
        : throw new KeyNotFoundException($"No resource named '{name}'.");

    /// <summary>The resources that reference <paramref name="name"/>: who calls it.</summary>
    public IEnumerable<Resource> CallersOf(string name) => Resources.Where(r => r.References.Contains(name));

    private List<Resource> TopologicalOrder()
    {
        var ordered = new List<Resource>();
        var state = new Dictionary<string, bool>(); // false: visiting, true: done
        foreach (var resource in _byName.Values.OrderBy(r => r.Name, StringComparer.Ordinal)) Visit(resource);
        return ordered;

        void Visit(Resource resource)
        {
            if (state.TryGetValue(resource.Name, out var done))
            {
                if (!done) throw new InvalidOperationException($"The references of '{resource.Name}' form a cycle.");
                return;
            }
            state[resource.Name] = false;
            foreach (var reference in resource.References.Order(StringComparer.Ordinal)) Visit(_byName[reference]);
            state[resource.Name] = true;
            ordered.Add(resource);
        }
    }
}
