using System.Buffers;
using System.Net.Sockets;
using MQTTnet.Exceptions;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Conformance.Emulator.Mqtt;

/// <summary>
/// The module's MQTT 3.1.1 stack: sends packets when the AT layer asks, owns the packet ids, completes the QoS
/// handshakes itself (PUBREL after PUBREC, PUBACK/PUBREC for incoming publishes, PUBCOMP after PUBREL) and
/// reports every packet from the broker as an <see cref="MqttEvent"/> the moment it arrives.
/// </summary>
/// <remarks>
/// No timers: keep-alive pings and ACK timeouts belong to the caller, which calls <see cref="Ping"/> and watches
/// the events. Commands may be called from any thread. <see cref="EventReceived"/> is raised on a background
/// receive loop, one event at a time, in the order the packets arrived; a handler must not block.
/// A deliberate <see cref="DisconnectAsync"/> raises no <see cref="ConnectionLost"/>, and no event for what the
/// connection it closes still brings.
/// </remarks>
public sealed class MqttBackEnd : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly PacketIdPool _ids = new();
    private PacketConnection? _connection;
    private Task _closing = Task.CompletedTask;   // the last connection's close, which never throws

    /// <summary>Raised on the receive loop for every packet from the broker and for a lost connection.</summary>
    public event EventHandler<MqttEvent>? EventReceived;

    public bool IsConnected
    {
        get { lock (_gate) return _connection is not null; }
    }

    /// <summary>
    /// Opens the TCP connection, sends CONNECT and waits for CONNACK. Cancel to give up waiting (e.g. on the
    /// module's ACK timeout); the connection is then closed and the task is cancelled.
    /// </summary>
    public async Task<MqttConnectResult> ConnectAsync(MqttConnectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Host, nameof(request) + "." + nameof(request.Host));
        if (IsConnected) throw new InvalidOperationException("Already connected: disconnect before connecting again.");
        // The broker must be done with the last connection before the next one, which has the same client id, arrives.
        await _closing.WaitAsync(cancellationToken);

        PacketConnection connection;
        try
        {
            connection = await PacketConnection.OpenAsync(request.Host, request.Port, cancellationToken);
        }
        catch (Exception e) when (IsNetworkError(e) && !cancellationToken.IsCancellationRequested)
        {
            return MqttConnectResult.Unreachable(e.Message);
        }

        if (Forbidden(request) is { } refusal)
        {
            await connection.DisposeAsync();
            return refusal;
        }

        MqttPacket? answer;
        try
        {
            await connection.SendNowAsync(ConnectPacket(request), cancellationToken);
            answer = await connection.ReceiveNowAsync(cancellationToken);
        }
        catch (Exception e) when (IsNetworkError(e) && !cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync();
            return MqttConnectResult.Unreachable(e.Message);
        }
        catch
        {
            await connection.DisposeAsync();
            // MQTTnet may report a cancelled receive as a communication error.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }

        if (answer is not MqttConnAckPacket connAck)
        {
            await connection.DisposeAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return MqttConnectResult.Unreachable(answer is null
                ? "the broker closed the connection before CONNACK"
                : $"the broker answered CONNECT with {answer.GetType().Name} instead of CONNACK");
        }

        var result = new MqttConnectResult(true, (ConnectReturnCode)connAck.ReturnCode, connAck.IsSessionPresent, null);
        if (!result.Accepted)
        {
            await connection.DisposeAsync();
            return result;
        }

        lock (_gate)
        {
            _ids.Clear();
            _connection = connection;
        }
        connection.Start(packet => OnPacket(connection, packet), reason => OnLost(connection, reason));
        return result;
    }

    /// <summary>Queues a PUBLISH (DUP always 0, as the module forces it); returns its packet id, 0 for QoS 0.</summary>
    public ushort Publish(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        CheckQos(qos, nameof(qos));
        lock (_gate)
        {
            var connection = Connected();
            var id = qos == MqttQos.AtMostOnce ? (ushort)0 : _ids.Next();
            connection.Enqueue(new MqttPublishPacket
            {
                Topic = topic,
                PayloadSegment = payload.ToArray(),
                QualityOfServiceLevel = (MqttQualityOfServiceLevel)qos,
                Retain = retain,
                PacketIdentifier = id,
            });
            return id;
        }
    }

    /// <summary>Queues a SUBSCRIBE for one topic filter; returns its packet id.</summary>
    public ushort Subscribe(string topic, MqttQos qos)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        CheckQos(qos, nameof(qos));
        return SendWithId(id => new MqttSubscribePacket
        {
            PacketIdentifier = id,
            TopicFilters = [new MqttTopicFilter { Topic = topic, QualityOfServiceLevel = (MqttQualityOfServiceLevel)qos }],
        });
    }

    /// <summary>Queues an UNSUBSCRIBE for one topic filter; returns its packet id.</summary>
    public ushort Unsubscribe(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return SendWithId(id => new MqttUnsubscribePacket { PacketIdentifier = id, TopicFilters = [topic] });
    }

    /// <summary>Queues a PINGREQ.</summary>
    public void Ping()
    {
        lock (_gate) Connected().Enqueue(MqttPingReqPacket.Instance);
    }

    /// <summary>Sends what is queued, then DISCONNECT, and closes the socket. Does nothing when not connected.</summary>
    public async Task DisconnectAsync()
    {
        Task closing;
        lock (_gate)
        {
            if (_connection is not { } connection) return;
            _connection = null;
            _closing = closing = connection.CloseAfterAsync(new MqttDisconnectPacket());
        }
        await closing;
    }

    public async ValueTask DisposeAsync() => await DisconnectAsync();

    private ushort SendWithId(Func<ushort, MqttPacket> packet)
    {
        lock (_gate)
        {
            var connection = Connected();
            var id = _ids.Next();
            connection.Enqueue(packet(id));
            return id;
        }
    }

    private PacketConnection Connected() =>
        _connection ?? throw new InvalidOperationException("Not connected: call ConnectAsync first.");

    private static bool IsNetworkError(Exception e) => e is SocketException or MqttCommunicationException or IOException;

    private static void CheckQos(MqttQos qos, string name)
    {
        if (qos > MqttQos.ExactlyOnce)
            throw new ArgumentOutOfRangeException(name, qos, "QoS must be 0, 1 or 2.");
    }

    /// <summary>
    /// What the broker must answer to a CONNECT MQTT 3.1.1 forbids, which the module's stack sends but MQTTnet will
    /// not write: CONNACK 2 to an empty client id without a clean session (§3.1.3-8), a hang-up to a password without a
    /// user name (§3.1.2-22). Null for any other CONNECT.
    /// </summary>
    private static MqttConnectResult? Forbidden(MqttConnectRequest request)
    {
        if (request.ClientId.Length == 0 && !request.CleanSession)
            return new MqttConnectResult(true, ConnectReturnCode.IdentifierRejected, false, null);
        if (request.Password is not null && request.UserName is null)
            return MqttConnectResult.Unreachable("the broker closed the connection: MQTT 3.1.1 allows a password only with a user name");
        return null;
    }

    private static MqttConnectPacket ConnectPacket(MqttConnectRequest request) => new()
    {
        ClientId = request.ClientId,
        Username = request.UserName,
        Password = request.Password is null ? null : System.Text.Encoding.UTF8.GetBytes(request.Password),
        CleanSession = request.CleanSession,
        KeepAlivePeriod = request.KeepAliveSeconds,
        WillFlag = request.Will is not null,
        WillTopic = request.Will?.Topic,
        WillMessage = request.Will?.Message,
        WillQoS = (MqttQualityOfServiceLevel)(request.Will?.Qos ?? MqttQos.AtMostOnce),
        WillRetain = request.Will?.Retain ?? false,
    };

    private void OnPacket(PacketConnection connection, MqttPacket packet)
    {
        // A connection given up (DISC, missed pings) may still bring a late answer before its socket closes: the
        // module has let it go, so nothing it brings is reported or answered.
        lock (_gate)
            if (_connection != connection) return;
        switch (packet)
        {
            case MqttPubAckPacket ack:
                Release(ack.PacketIdentifier);
                Raise(new PubAckReceived(ack.PacketIdentifier));
                break;
            case MqttPubRecPacket rec:
                Raise(new PubRecReceived(rec.PacketIdentifier));
                connection.Enqueue(new MqttPubRelPacket { PacketIdentifier = rec.PacketIdentifier });
                break;
            case MqttPubCompPacket comp:
                Release(comp.PacketIdentifier);
                Raise(new PubCompReceived(comp.PacketIdentifier));
                break;
            case MqttPublishPacket publish:
                Raise(new PublishReceived(publish.Dup, (MqttQos)publish.QualityOfServiceLevel, publish.Retain,
                    publish.PacketIdentifier, publish.Topic, publish.Payload.ToArray()));
                if (publish.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtLeastOnce)
                    connection.Enqueue(new MqttPubAckPacket { PacketIdentifier = publish.PacketIdentifier });
                else if (publish.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce)
                    connection.Enqueue(new MqttPubRecPacket { PacketIdentifier = publish.PacketIdentifier });
                break;
            case MqttPubRelPacket rel:
                Raise(new PubRelReceived(rel.PacketIdentifier));
                connection.Enqueue(new MqttPubCompPacket { PacketIdentifier = rel.PacketIdentifier });
                break;
            case MqttSubAckPacket subAck:
                Release(subAck.PacketIdentifier);
                // MQTT 3.1.1 SUBACK codes (0, 1, 2, 0x80) travel through MQTTnet unchanged as reason codes.
                Raise(new SubAckReceived(subAck.PacketIdentifier, subAck.ReasonCodes.Count > 0 ? (byte)subAck.ReasonCodes[0] : (byte)0x80));
                break;
            case MqttUnsubAckPacket unsubAck:
                Release(unsubAck.PacketIdentifier);
                Raise(new UnsubAckReceived(unsubAck.PacketIdentifier));
                break;
            case MqttPingRespPacket:
                Raise(new PingRespReceived());
                break;
        }
    }

    private void OnLost(PacketConnection connection, string reason)
    {
        lock (_gate)
        {
            if (_connection != connection) return;
            _connection = null;
        }
        Raise(new ConnectionLost(reason));
        // Not awaited: we are on the connection's own loop.
        _ = Task.Run(async () => await connection.DisposeAsync());
    }

    private void Release(ushort id)
    {
        lock (_gate) _ids.Release(id);
    }

    private void Raise(MqttEvent e) => EventReceived?.Invoke(this, e);
}
