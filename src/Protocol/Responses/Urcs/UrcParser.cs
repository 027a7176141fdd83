using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>Turns one URC line into a typed <see cref="Urc"/>, with its deviations from the manual.</summary>
public static class UrcParser
{
    /// <summary>
    /// Parses <paramref name="line"/> (no line end). For <c>+MQTTPUBLISH</c> the line is the header up to and
    /// including msg_len and <paramref name="message"/> the bytes the tokenizer cut out; without message bytes
    /// the message is read from the rest of the line. <paramref name="inline"/> says the message bytes followed
    /// msg_len on the same line (<see cref="Framing.AtFrame.PayloadInline"/>).
    /// </summary>
    public static ParseResult<Urc> Parse(string line, ReadOnlySpan<byte> message = default, bool inline = false) =>
        Read(line, message, inline, out var deviations, out var error, out var errorPosition) is { } urc
            ? ParseResult<Urc>.Ok(urc, deviations)
            : ParseResult<Urc>.Fail(error!, errorPosition);

    /// <summary>Parses like <see cref="Parse"/> without the result object, for callers that wrap the outcome their own way.</summary>
    internal static Urc? Read(string line, ReadOnlySpan<byte> message, bool inline, out List<Deviation>? deviations, out string? error, out int errorPosition)
    {
        (deviations, error, errorPosition) = (null, null, -1);
        ResponseReader? reader = null;
        try
        {
            reader = ResponseReader.Open(line);
            Urc urc = reader.Name switch
            {
                "+MQTTOPEN" => MqttOpenResult.Read(reader),
                "+MQTTPUBLISH" => MqttPublish.Read(reader, message, inline),
                "+MQTTSUBACK" => SubAck.Read(reader),
                "+MQTTPUBACK" => PubAck.Read(reader),
                "+MQTTPUBREC" => PubRec.Read(reader),
                "+MQTTPUBREL" => PubRel.Read(reader),
                "+MQTTPUBCOMP" => PubComp.Read(reader),
                "+MQTTPINGRSP" or PingResp.FieldName => PingResp.Read(reader),
                "+MQTTUNSUBACK" => UnsubAck.Read(reader),
                "+MQTTTO" => MqttTimeout.Read(reader),
                "+MQTTREC" => MqttReconnect.Read(reader),
                "+MQTTDISC" => MqttDisconnected.Read(reader),
                _ => throw new ResponseFormatException($"{reader.Name} is not a URC of the MQTT command set", 0),
            };
            deviations = reader.Deviations;
            return urc;
        }
        catch (ResponseFormatException e)
        {
            (error, errorPosition) = (e.Message, e.Position);
            return null;
        }
        finally
        {
            reader?.Release();
        }
    }

    /// <summary>
    /// True when a line named <paramref name="name"/> (e.g. <c>+MQTTSUBACK</c>, without the colon) is never the
    /// answer to a command, so the tokenizer can route it as a URC even while a command is pending.
    /// </summary>
    public static bool IsAlwaysUrc(ReadOnlySpan<byte> name) => Framing.LineClassifier.IsAlwaysUrc(name);
}
