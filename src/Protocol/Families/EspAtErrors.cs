using System.Globalization;

namespace Conformance.Protocol.Families;

/// <summary>
/// The codes of ESP-AT's <c>ERR CODE:0x&lt;%08x&gt;</c> line, printed before <c>ERROR</c>: category 0x01, a subcategory
/// (bits 23–16), and an extension (bits 15–0) that the MQTT commands fill with their own code (0x6001–0x6052).
/// From ESP-AT's documentation: the Basic AT commands' error code table and the MQTT AT error codes.
/// </summary>
public static class EspAtErrors
{
    /// <summary>How the line starts.</summary>
    public const string Prefix = "ERR CODE:";

    private static readonly string[] Subcategories =
    [
        "OK", "common error", "no terminator: the line did not end with \\r\\n", "no AT at the start", "parameter length mismatch",
        "parameter type mismatch", "parameter number mismatch", "invalid parameter", "parameter parse failed", "command not supported",
        "command execution failed", "the previous command is still being processed", "wrong command operation type",
    ];

    // The MQTT codes as the documentation names them, from 0x6001; the name says the meaning.
    private static readonly string[] Mqtt =
    [
        "NO_CONFIGURED", "NOT_IN_CONFIGURED_STATE", "UNINITIATED_OR_ALREADY_CLEAN", "ALREADY_CONNECTED", "MALLOC_FAILED", "NULL_LINK",
        "NULL_PARAMTER", "PARAMETER_COUNTS_IS_WRONG", "TLS_CONFIG_ERROR", "PARAM_PREPARE_ERROR", "CLIENT_START_FAILED",
        "CLIENT_PUBLISH_FAILED", "CLIENT_SUBSCRIBE_FAILED", "CLIENT_UNSUBSCRIBE_FAILED", "CLIENT_DISCONNECT_FAILED",
        "LINK_ID_READ_FAILED", "LINK_ID_VALUE_IS_WRONG", "SCHEME_READ_FAILED", "SCHEME_VALUE_IS_WRONG", "CLIENT_ID_READ_FAILED",
        "CLIENT_ID_IS_NULL", "CLIENT_ID_IS_OVERLENGTH", "USERNAME_READ_FAILED", "USERNAME_IS_NULL", "USERNAME_IS_OVERLENGTH",
        "PASSWORD_READ_FAILED", "PASSWORD_IS_NULL", "PASSWORD_IS_OVERLENGTH", "CERT_KEY_ID_READ_FAILED", "CERT_KEY_ID_VALUE_IS_WRONG",
        "CA_ID_READ_FAILED", "CA_ID_VALUE_IS_WRONG", "CA_LENGTH_ERROR", "CA_READ_FAILED", "CERT_LENGTH_ERROR", "CERT_READ_FAILED",
        "KEY_LENGTH_ERROR", "KEY_READ_FAILED", "PATH_READ_FAILED", "PATH_IS_NULL", "PATH_IS_OVERLENGTH", "VERSION_READ_FAILED",
        "KEEPALIVE_READ_FAILED", "KEEPALIVE_IS_NULL", "KEEPALIVE_VALUE_IS_WRONG", "DISABLE_CLEAN_SESSION_READ_FAILED",
        "DISABLE_CLEAN_SESSION_VALUE_IS_WRONG", "LWT_TOPIC_READ_FAILED", "LWT_TOPIC_IS_NULL", "LWT_TOPIC_IS_OVERLENGTH",
        "LWT_MSG_READ_FAILED", "LWT_MSG_IS_NULL", "LWT_MSG_IS_OVERLENGTH", "LWT_QOS_READ_FAILED", "LWT_QOS_VALUE_IS_WRONG",
        "LWT_RETAIN_READ_FAILED", "LWT_RETAIN_VALUE_IS_WRONG", "HOST_READ_FAILED", "HOST_IS_NULL", "HOST_IS_OVERLENGTH",
        "PORT_READ_FAILED", "PORT_VALUE_IS_WRONG", "RECONNECT_READ_FAILED", "RECONNECT_VALUE_IS_WRONG", "TOPIC_READ_FAILED",
        "TOPIC_IS_NULL", "TOPIC_IS_OVERLENGTH", "DATA_READ_FAILED", "DATA_IS_NULL", "DATA_IS_OVERLENGTH", "QOS_READ_FAILED",
        "QOS_VALUE_IS_WRONG", "RETAIN_READ_FAILED", "RETAIN_VALUE_IS_WRONG", "PUBLISH_LENGTH_READ_FAILED",
        "PUBLISH_LENGTH_VALUE_IS_WRONG", "RECV_LENGTH_IS_WRONG", "CREATE_SEMA_FAILED", "CREATE_EVENT_GROUP_FAILED", "URI_PARSE_FAILED",
        "IN_DISCONNECTED_STATE", "HOSTNAME_VERIFY_FAILED",
    ];

    private const int FirstMqtt = 0x6001;

    /// <summary>What the code after <see cref="Prefix"/> means (<c>0x01090000</c>: command not supported); null when it is no such code.</summary>
    public static string? Describe(string code)
    {
        var digits = code.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits[2..];
        if (!uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)) return null;
        var extension = (int)(value & 0xFFFF);
        // The MQTT commands print their code in the extension, some firmware with the category and subcategory before it.
        if (extension >= FirstMqtt && extension - FirstMqtt < Mqtt.Length) return $"AT_MQTT_{Mqtt[extension - FirstMqtt]}";
        var subcategory = (int)((value >> 16) & 0xFF);
        // Subcategory 0 is "OK": no error line names it.
        if (value >> 24 != 1 || subcategory == 0 || subcategory >= Subcategories.Length) return null;
        // The parameter subcategories (0x04–0x08) name the parameter in the extension.
        return extension == 0 ? Subcategories[subcategory]
            : subcategory is >= 4 and <= 8 ? $"{Subcategories[subcategory]} (parameter {extension})"
            : $"{Subcategories[subcategory]} (extension 0x{extension:X4})";
    }
}
