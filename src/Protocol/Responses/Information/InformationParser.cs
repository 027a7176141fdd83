using Conformance.Protocol.Syntax;

namespace Conformance.Protocol.Responses;

/// <summary>Turns one information response line into a typed value, knowing which command it answers.</summary>
public static class InformationParser
{
    /// <summary>
    /// Parses <paramref name="line"/> as an answer to the pending command <paramref name="commandName"/>, written as
    /// after <c>AT</c> (<c>+MQTTSUB</c>, <c>+CSQ</c>, <c>+CGSN</c>). A line without a leading '+' is a listed topic
    /// when answering <c>+MQTTSUB</c> and a bare IMEI when answering <c>+CGSN</c>.
    /// </summary>
    public static ParseResult<InformationResponse> Parse(string line, string commandName)
    {
        ResponseReader? reader = null;
        try
        {
            if (line.Length == 0) throw new ResponseFormatException("the line is empty", 0);
            reader = line.StartsWith('+') ? ResponseReader.Open(line) : ResponseReader.Bare(line);
            var response = reader.Name.Length > 0 ? Named(reader, commandName) : Bare(reader, commandName);
            return ParseResult<InformationResponse>.Ok(response, reader.Deviations);
        }
        catch (ResponseFormatException e)
        {
            return ParseResult<InformationResponse>.Fail(e.Message, e.Position);
        }
        finally
        {
            reader?.Release();
        }
    }

    private static InformationResponse Named(ResponseReader reader, string commandName)
    {
        if (reader.Name != commandName)
            throw new ResponseFormatException($"{reader.Name} does not answer {commandName}", 0);
        return reader.Name switch
        {
            "+CSQ" => SignalQuality.Read(reader),
            "+CEREG" => Registration.Read(reader),
            "+CGATT" => Attach.Read(reader),
            "+CGSN" => Imei.Read(reader),
            "+MQTTSTAT" => MqttStatus.Read(reader),
            "+MQTTCFG" => MqttConfig.Read(reader),
            "+MQTTSUB" => SubscriptionListHeader.Read(reader),
            _ => throw new ResponseFormatException($"no information response is known for {commandName}", 0),
        };
    }

    private static InformationResponse Bare(ResponseReader reader, string commandName)
    {
        if (commandName is not ("+MQTTSUB" or "+CGSN"))
            throw new ResponseFormatException($"expected a line starting with {commandName}:", 0);
        return commandName == "+MQTTSUB" ? SubscribedTopic.Read(reader) : Imei.Read(reader);
    }
}
