namespace Conformance.Protocol.Syntax;

/// <summary>The four ways an AT command is written (V.250 §5.4): <c>AT+X=?</c>, <c>AT+X?</c>, <c>AT+X=…</c>, <c>AT+X</c>.</summary>
public enum CommandForm
{
    /// <summary><c>AT+X</c>: run the action; also a basic command with its digits, <c>ATE0</c>.</summary>
    Exec,
    /// <summary><c>AT+X?</c>: read the current values.</summary>
    Read,
    /// <summary><c>AT+X=?</c>: list the accepted values.</summary>
    Test,
    /// <summary><c>AT+X=…</c>: set, with arguments.</summary>
    Set,
}
