namespace Conformance.Protocol.Commands;

/// <summary>Builders for the basic commands of the power-on check (manual §4.1).</summary>
public static class At
{
    public static Attention Attention() => new();

    public static EchoMode Echo(bool on) => new(on);

    public static SignalQualityRead Csq() => new();

    public static RegistrationRead CeregRead() => new();

    public static AttachRead CgattRead() => new();

    public static ImeiRead Imei() => new();
}
