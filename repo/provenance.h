// Provenance files (.prov) as Helm writes and checks them (pkg/provenance/sign.go): a PGP
// clear-signed message of the chart's Chart.yaml metadata (yaml.Marshal), "\n...\n", and
// `files: {NAME.tgz: sha256:HEX}`. The OpenPGP work is GnuPG's, through GPGME; nothing here
// parses OpenPGP packets.
//
// A keyring is a file of keys as Helm takes it (--keyring: an exported public keyring to
// verify with, a secret keyring to sign with; binary or armored): it is imported into a
// private temporary GNUPGHOME for the one operation, so the user's own GnuPG state is never
// touched and only the keyring's keys can vouch for a chart. Without a keyring, the
// default GnuPG home ($GNUPGHOME or ~/.gnupg) is used as it is.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace capstan::repo {

struct Verification {
  std::vector<std::string> signed_by;  // the signing key's identities ("Name <email>"), sorted
  std::string fingerprint;             // the primary key's, upper-case hex (Helm's %X)
  std::string file_hash;               // "sha256:HEX"
  std::string file_name;               // the archive's base name
};

// The message Helm signs for the archive at `tgz` (loaded to read its Chart.yaml).
std::string message_block(const std::filesystem::path& tgz);

struct SignOptions {
  std::string key;         // --key: a user ID, matched exactly or as a unique substring
  std::string keyring;     // --keyring: a secret keyring file ("" = the default GnuPG home)
  std::string passphrase;  // for a protected key (--passphrase-file's content)
};

// The .prov text for `tgz` (Signatory.ClearSign, SHA-512 as Helm's defaultPGPConfig).
std::string clear_sign(const std::filesystem::path& tgz, const SignOptions& options);

// sign(tgz, key, keyring): writes TGZ.prov beside the archive and returns its path. This is
// what `package --sign` calls once the archive is written.
std::filesystem::path sign_chart(const std::filesystem::path& tgz, const SignOptions& options);

// downloader.VerifyChart: TGZ against TGZ.prov with `keyring` ("" = the default GnuPG home).
// Errors are Helm's: "chart must be a tgz file", "unpacked charts cannot be verified",
// "could not load provenance file X: ...", "failed to load keyring: ...", "openpgp: signature
// made by unknown entity", "sha256 sum does not match for NAME: \"A\" != \"B\"".
Verification verify_chart(const std::filesystem::path& tgz, const std::string& keyring);

// The lines `helm verify` and `pull --verify` print.
std::string format_verification(const Verification& v);

}  // namespace capstan::repo
