using Conformance.Protocol.Catalog;
using Conformance.Protocol.Responses;

namespace Conformance.Harness.Dsl;

/// <summary>The manual's name of each typed URC, for messages written before any URC arrived.</summary>
internal static class UrcNames
{
    public static string Of<T>() where T : Urc => ProtocolCatalog.Urc<T>().Name;
}
