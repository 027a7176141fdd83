using Conformance.Protocol.Families;
using Conformance.Protocol.Responses;

namespace Conformance.Protocol.Tests.Families;

/// <summary>Other families' result and error codes, explained in their vendors' words; a code no source lists is said to be unlisted.</summary>
public class FamilyCodesTests
{
    [TestCase("0x01090000", "command not supported")]
    [TestCase("0x010b0000", "the previous command is still being processed")]
    [TestCase("0x01070002", "invalid parameter (parameter 2)")]
    [TestCase("0x0100600b", "AT_MQTT_CLIENT_START_FAILED")]
    [TestCase("0x00006030", "AT_MQTT_LWT_TOPIC_READ_FAILED")]
    [TestCase("0x01076048", "AT_MQTT_QOS_VALUE_IS_WRONG")]
    [TestCase("0x01006052", "AT_MQTT_HOSTNAME_VERIFY_FAILED")]
    public void An_ESP_AT_error_code_is_named(string code, string meaning) =>
        Assert.That(EspAtErrors.Describe(code), Is.EqualTo(meaning));

    [TestCase("0x02090000")]   // another category
    [TestCase("0x01ff0000")]   // a subcategory the documentation does not list
    [TestCase("0x01006053")]   // past the last MQTT code
    [TestCase("banana")]
    public void An_ESP_AT_code_no_documentation_lists_has_no_meaning(string code) =>
        Assert.That(EspAtErrors.Describe(code), Is.Null);

    [Test]
    public void An_ESP_AT_failure_is_explained_by_its_ERR_CODE_line() =>
        Assert.That(ModuleFamilies.EspAt.ExplainError(null, ["+MQTTCONN:0,0", "ERR CODE:0x0100600b"]),
            Is.EqualTo("ERR CODE:0x0100600b means AT_MQTT_CLIENT_START_FAILED (ESP-AT)"));

    [Test]
    public void A_plain_ERROR_of_another_family_has_no_explanation() =>
        Assert.That(ModuleFamilies.Quectel.ExplainError(null, []), Is.Null);

    [Test]
    public void Another_familys_CME_code_gets_the_3GPP_meaning_never_the_M5310A_one()
    {
        Assert.That(ModuleFamilies.SimCom.ExplainError(3, []),
            Is.EqualTo("+CME ERROR: 3 means \"operation not allowed\" (3GPP TS 27.007's general meaning; SIMCom)"));
        // 601 is the M5310-A's "command syntax error"; on a SIM7020 it means nothing known.
        Assert.That(ModuleFamilies.SimCom.ExplainError(601, []), Is.EqualTo("+CME ERROR: 601 is not in the vendor's published table (SIMCom)"));
    }

    [TestCase("+MQTTURC: \"conn\",0,3", FamilyFailure.Open, "the server refused the connection: protocol version, client id, user name or password")]
    [TestCase("+MQTTURC: \"conn\",0,5", FamilyFailure.Lost, "PINGREQ timed out")]
    [TestCase("+MQTTURC: \"conn\",0,255", FamilyFailure.Lost, "unknown error")]
    public void A_OneMO_conn_report_says_a_refusal_or_a_loss(string line, FamilyFailure kind, string meaning) =>
        Assert.That(ModuleFamilies.OneMo.Failure(line), Is.EqualTo((kind, meaning)));

    [TestCase("+MQTTURC: \"conn\",0,0")]   // connected
    [TestCase("+MQTTURC: \"conn\",0,1")]   // reconnecting
    [TestCase("+MQTTURC: \"conn\",0,2")]   // the host disconnected
    [TestCase("+MQTTURC: \"suback\",0,1,3")]
    public void A_OneMO_report_of_success_or_of_another_kind_is_no_failure(string line) =>
        Assert.That(ModuleFamilies.OneMo.Failure(line), Is.Null);

    [Test]
    public void A_disconnect_report_is_a_loss_unless_it_answers_the_hosts_own_disconnect()
    {
        Assert.That(ModuleFamilies.EspAt.Failure("+MQTTDISCONNECTED:0", "AT+MQTTSUB=0,\"t\",1"), Is.EqualTo((FamilyFailure.Lost, "the MQTT connection ended")));
        Assert.That(ModuleFamilies.EspAt.Failure("+MQTTDISCONNECTED:0", "AT+MQTTCLEAN=0"), Is.Null);
        Assert.That(ModuleFamilies.SimCom.Failure("+CMQDISCON: 0", null)?.Kind, Is.EqualTo(FamilyFailure.Lost));
        Assert.That(ModuleFamilies.SimCom.Failure("+CMQDISCON: 0", "at+cmqdiscon=0"), Is.Null);
    }

    [TestCase("+QMTPUB: 0,3,2", FamilyFailure.Command, "failed to send the PUBLISH packet")]
    [TestCase("+QMTUNS: 0,4,2", FamilyFailure.Command, "failed to send the UNSUBSCRIBE packet")]
    [TestCase("+QMTDISC: 0,-1", FamilyFailure.Command, "failed to close the connection")]
    [TestCase("+QMTCLOSE: 0,-1", FamilyFailure.Command, "failed to close the network")]
    [TestCase("+QMTOPEN: 0,7", FamilyFailure.Open, "result 7, not in the vendor's published table")]
    public void A_Quectel_outcome_names_its_failure(string line, FamilyFailure kind, string meaning) =>
        Assert.That(ModuleFamilies.Quectel.Failure(line), Is.EqualTo((kind, meaning)));

    [TestCase("+QMTPUB: 0,3,0")]
    [TestCase("+QMTPUB: 0,3,1")]   // a retransmission, not yet a failure
    [TestCase("+QMTDISC: 0,0")]
    public void A_Quectel_success_is_no_failure(string line) =>
        Assert.That(ModuleFamilies.Quectel.Failure(line), Is.Null);

    [TestCase("+CMQTTSTART: 23", FamilyFailure.Open, "network is already opened")]
    [TestCase("+CMQTTPUB: 0,11", FamilyFailure.Command, "no connection")]
    [TestCase("+CMQTTDISC: 0,34", FamilyFailure.Command, "opening the SSL session failed")]
    [TestCase("+CMQTTPING: 0,17", FamilyFailure.Lost, "timeout")]
    [TestCase("+CMQTTNONET", FamilyFailure.Lost, "the network is gone: the MQTT service must be started again (AT+CMQTTSTART)")]
    public void A_SIMCom_result_names_its_error(string line, FamilyFailure kind, string meaning) =>
        Assert.That(ModuleFamilies.SimCom.Failure(line), Is.EqualTo((kind, meaning)));

    [TestCase("AT+MPUB=\"lamp/5/state\",1,0,\"on\"", "PUBACK")]
    [TestCase("AT+MPUB=\"lamp/5/state\",2,0,\"on\"", "PUBACK")]
    [TestCase("AT+MPUB=\"lamp/5/state\",0,0,\"off\"", null)]   // QoS 0: no PUBACK comes
    public void An_Air780_publish_awaits_a_PUBACK_only_above_QoS_0(string command, string? outcome) =>
        Assert.That(ModuleFamilies.OutcomeOf(command), Is.EqualTo(outcome));

    [TestCase("AT+MQTTCONN=0,\"iot.example.com\",1883,\"door-3\",\"door3\",\"pw\"", "+MQTTURC: \"conn\"")]
    [TestCase("AT+MQTTDISC=0", "+MQTTURC: \"conn\"")]
    [TestCase("AT+MQTTDISC", null)]   // the M5310-A's: its outcome is its own +MQTTDISC, not another family's
    public void A_OneMO_connect_or_disconnect_awaits_its_conn_report(string command, string? outcome) =>
        Assert.That(ModuleFamilies.OutcomeOf(command), Is.EqualTo(outcome));

    [TestCase("+MQTTURC", "+MQTTURC: \"conn\",0,3", "+MQTTURC: \"conn\"")]
    [TestCase("+MQTTURC", "+MQTTURC:\"conn\",0,0", "+MQTTURC: \"conn\"")]
    [TestCase("+MQTTURC", "+MQTTURC: \"publish\",0,3,\"t\",2,2,hi", "+MQTTURC")]
    [TestCase("+MQTTURC", "+MQTTURC: \"connx\",0,0", "+MQTTURC")]
    [TestCase("+QMTOPEN", "+QMTOPEN: 0,0", "+QMTOPEN")]
    public void A_report_is_keyed_by_its_first_field_where_one_name_carries_several_outcomes(string name, string line, string key) =>
        Assert.That(ModuleFamilies.OutcomeKey(name, line), Is.EqualTo(key));

    [TestCase("+QMTCONN: 0,0,0", MqttState.Connected)]
    [TestCase("+QMTCONN: 2,0,0", MqttState.Connected)]
    [TestCase("+QMTCONN: 0,0,4", null)]   // refused
    [TestCase("+QMTCONN: 0,1", null)]     // a retransmission
    [TestCase("+QMTDISC: 0,0", MqttState.Disconnected)]
    public void A_Quectel_line_moves_the_session_only_when_it_says_so(string line, MqttState? state) =>
        Assert.That(ModuleFamilies.Quectel.StateAfter(line), Is.EqualTo(state));

    [TestCase("CONNACK OK", MqttState.Connected)]
    [TestCase("CONNACK OKAY", null)]
    [TestCase("SUBACK", null)]
    public void An_Air780_word_moves_the_session_only_when_it_is_the_word(string line, MqttState? state) =>
        Assert.That(ModuleFamilies.Air780.StateAfter(line), Is.EqualTo(state));

    [Test]
    public void A_SIM7020_connect_or_disconnect_accepted_with_OK_moves_the_session()
    {
        Assert.That(ModuleFamilies.SimCom.StateAfterAccepting("AT+CMQCON=0,3,\"gas-2\",600,1,0,\"gas2\",\"pw\""), Is.EqualTo(MqttState.Connected));
        Assert.That(ModuleFamilies.SimCom.StateAfterAccepting("AT+CMQDISCON=0"), Is.EqualTo(MqttState.Disconnected));
        Assert.That(ModuleFamilies.SimCom.StateAfterAccepting("AT+CMQSUB=0,\"t\",1"), Is.Null);
        // A line of the same name is no accepted command.
        Assert.That(ModuleFamilies.SimCom.StateAfter("+CMQCON: 0"), Is.Null);
    }
}
