using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests;

/// <summary>The systems these tests start get their ports here; a port given twice put two services on one port.</summary>
public class FreePortTests
{
    [Fact]
    public void No_port_is_handed_out_twice()
    {
        var ports = Enumerable.Range(0, 2_000).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }
}
