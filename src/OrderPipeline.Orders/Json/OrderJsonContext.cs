using System.Text.Json.Serialization;
using OrderPipeline.Orders.DeadLetters;

namespace OrderPipeline.Orders.Json;

/// <summary>Source-generated System.Text.Json metadata for every JSON shape of the domain.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(OrderMessage))]
[JsonSerializable(typeof(IncomingOrderMessage))]
[JsonSerializable(typeof(DeadLetterEnvelope))]
internal sealed partial class OrderJsonContext : JsonSerializerContext;
