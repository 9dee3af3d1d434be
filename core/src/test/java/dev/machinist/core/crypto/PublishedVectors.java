package dev.machinist.core.crypto;

/**
 * Bitwarden's own test data: the access token of sdk-internal's access_token.rs tests and the fixtures of
 * sdk-sm's crates/fake-server (its identity answer and the "TUX" secret), both cited in protocols.md §3.
 */
final class PublishedVectors {
    static final String ACCESS_TOKEN =
            "0.ec2c1d46-6a4b-4751-a310-af9601317f2d.C2IgxjjLF7qSshsbwe8JGcbM075YXw:X8vbvA0bduihIDe/qrzIQQ==";
    static final String ACCESS_TOKEN_SECRET_B64 = "X8vbvA0bduihIDe/qrzIQQ==";
    static final String DERIVED_KEY_B64 =
            "H9/oIRLtL9nGCQOVDjSMoEbJsjWXSOCb3qeyDt6ckzS3FhyboEDWyTP/CQfbIszNmAVg2ExFganG1FVFGXO/Jg==";
    static final String ENCRYPTED_PAYLOAD = "2.E9fE8+M/VWMfhhim1KlCbQ==|"
            + "eLsHR484S/tJbIkM6spnG/HP65tj9A6Tba7kAAvUp+rYuQmGLixiOCfMsqt5OvBctDfvvr/AesBu7cZimPLyOEhqEAjn52jF0eaI38X"
            + "ZfeOG2VJl0LOf60Wkfh3ryAMvfvLj3G4ZCNYU8sNgoC2+IQ==|lNApuCQ4Pyakfo/wwuuajWNaEX/2MW8/3rjXB/V7n+k=";
    static final String TUX_KEY =
            "2.OldQj0RJKww0WN7RSxI1wQ==|TpxAbmdx6zIVo37YJ5n1aQ==|" + "06Imyx7jqaZ5J5amrBboCVPwvPoDKB8REJdToQwp3dA=";

    private PublishedVectors() {}
}
