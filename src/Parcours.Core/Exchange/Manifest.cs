using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parcours.Core.Exchange;

/// <summary>manifest.json of a dataset (exchange format §2.2).</summary>
public sealed class Manifest
{
    [JsonPropertyName("format")] public string Format { get; set; } = "parcours-exchange";
    [JsonPropertyName("format_version")] public string FormatVersion { get; set; } = ExchangeSchema.FormatVersion;
    [JsonPropertyName("dataset_id")] public string DatasetId { get; set; } = Guid.NewGuid().ToString();
    [JsonPropertyName("producer")] public ManifestProducer Producer { get; set; } = new();
    [JsonPropertyName("software")] public string? Software { get; set; } = "Parcours 1.0";
    [JsonPropertyName("produced_at")] public string ProducedAt { get; set; } = "";
    [JsonPropertyName("period")] public ManifestPeriod Period { get; set; } = new();
    [JsonPropertyName("anonymised")] public bool Anonymised { get; set; }
    [JsonPropertyName("pseudonymisation")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ManifestPseudonymisation? Pseudonymisation { get; set; }
    [JsonPropertyName("files")] public List<ManifestFile> Files { get; set; } = [];

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

public sealed class ManifestProducer
{
    [JsonPropertyName("code")] public string Code { get; set; } = "";
    [JsonPropertyName("organisation_id")] public string OrganisationId { get; set; } = "";
}

public sealed class ManifestPeriod
{
    [JsonPropertyName("start")] public string Start { get; set; } = "";
    [JsonPropertyName("end")] public string End { get; set; } = "";
}

public sealed class ManifestPseudonymisation
{
    [JsonPropertyName("method")] public string Method { get; set; } = "HMAC-SHA-256";
    [JsonPropertyName("key_id")] public string KeyId { get; set; } = "";
}

public sealed class ManifestFile
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("rows")] public long Rows { get; set; }
    [JsonPropertyName("sha256")] public string Sha256 { get; set; } = "";
}
