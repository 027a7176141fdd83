using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>Turns one URC line into a typed <see cref="Urc"/>, with its deviations from the manual.</summary>
public static class UrcParser
{
    /// <summary>
    /// Parses <paramref name="line"/> (no line end). For <c>+MQTTPUBLISH</c> the line is the header up to and
    /// including msg_len and <paramref name="message"/> the bytes the tokenizer cut out; without message bytes
    /// the message is read from the rest of the line.
    /// </summary>
    public static ParseResult<Urc> Parse(string line, ReadOnlySpan<byte> message = default)
    {
        ResponseReader? reader = null;
        try
        {
            reader = ResponseReader.Open(line);
            Urc urc = reader.Name switch
            {
                "+MQTTOPEN" => MqttOpenResult.Read(reader),
                "+MQTTPUBLISH" => MqttPublish.Read(reader, message),
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
            return ParseResult<Urc>.Ok(urc, reader.Deviations);
        }
        catch (ResponseFormatException e)
        {
            return ParseResult<Urc>.Fail(e.Message, e.Position);
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
