package dev.machinist.core.provider;

import java.nio.file.Path;
import java.util.List;

/**
 * A session that can hand its login to the vendor's own CLI (Pantheon's terminus reads a session file),
 * so later commands in the same job are logged in without a second login.
 */
public interface VendorCliLogin {
    /** The vendor CLI's name, e.g. "terminus". */
    String vendorCli();

    /** Writes the files the vendor's CLI reads (0600); returns them. */
    List<Path> handOffToVendorCli();
}
