namespace Conformance.Protocol.Families;

/// <summary>
/// The information line in which a family says why a command failed, before its <c>ERROR</c> (ESP-AT's
/// <c>ERR CODE:0x01090000</c>), and what its codes mean.
/// </summary>
/// <param name="Prefix">How the line starts: <c>ERR CODE:</c>.</param>
/// <param name="Describe">The meaning of the code after the prefix; null for a code the vendor's documentation does not list.</param>
public sealed record ErrorLine(string Prefix, Func<string, string?> Describe);
