using System.Text.Json;
using System.Text.Json.Serialization;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Reports;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(LoadStats))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
