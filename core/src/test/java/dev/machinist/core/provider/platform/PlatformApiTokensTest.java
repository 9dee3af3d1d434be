package dev.machinist.core.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.provider.TokenManager;
import dev.machinist.core.provider.TokenManager.CreatedToken;
import dev.machinist.core.provider.TokenManager.TokenInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformApiTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"platformsh", "upsun", "webpaas"})
    void listsCreatesAndRevokesTheMachineUsersTokens(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            TokenManager tokens = v.login();
            assertThat(tokens.canCreateTokens()).isTrue();

            List<TokenInfo> before = tokens.listTokens();
            assertThat(before).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo(v.sim.demoApiTokenId());
                assertThat(t.name()).isEqualTo("Machinist demo");
                assertThat(t.createdAt()).isPresent();
                // The login itself used the token.
                assertThat(t.lastUsedAt())
                        .hasValueSatisfying(at -> assertThat(at).isBefore(Instant.now()));
            });

            CreatedToken created = tokens.createToken("ci-deploy");
            assertThat(created.info().name()).isEqualTo("ci-deploy");
            assertThat(created.info().lastUsedAt()).isEmpty();
            assertThat(v.sunk).contains(created.token());
            assertThat(created.token().toString())
                    .doesNotContain(created.token().reveal());
            assertThat(tokens.listTokens())
                    .extracting(TokenInfo::id)
                    .contains(created.info().id());

            // The new token logs in on its own.
            Secret fresh = created.token().renamed(v.profile.tokenVariable());
            assertThat(v.provider().login(fresh, v.sink).identity().id()).isEqualTo(v.sim.demoUserId());

            tokens.revokeToken(created.info().id());
            assertThat(tokens.listTokens())
                    .extracting(TokenInfo::id)
                    .doesNotContain(created.info().id());
            MachinistException e = catchThrowableOfType(
                    MachinistException.class, () -> v.provider().login(fresh, v.sink));
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_TOKEN);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"upsun"})
    void revokingAnUnknownIdSaysHowToFindTheIds(String key) throws Exception {
        try (SimulatedVendor v = new SimulatedVendor(key)) {
            PlatformSession session = v.login();

            MachinistException e = catchThrowableOfType(
                    MachinistException.class, () -> session.revokeToken("0b4c1a9e-0000-4000-8000-000000000000"));
            assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
            assertThat(e.getMessage()).contains("machinist token list");

            MachinistException bad =
                    catchThrowableOfType(MachinistException.class, () -> session.revokeToken("../../projects"));
            assertThat(bad.kind()).isEqualTo(ErrorKind.USAGE);
            assertThat(v.requestsTo("/projects")).isZero();

            MachinistException blank = catchThrowableOfType(MachinistException.class, () -> session.createToken(" "));
            assertThat(blank.kind()).isEqualTo(ErrorKind.USAGE);
        }
    }
}
