// Command sprigcrypto writes testdata/templating/sprig_crypto_vectors.json: outputs of Sprig's
// random crypto functions as Go computes them, which capstan's unit tests must accept:
// bcrypt hashes (golang.org/x/crypto/bcrypt via Sprig's bcrypt and htpasswd) that capstan's
// bcrypt must verify, and encryptAES ciphertexts that capstan's decryptAES must decrypt.
//
// Usage (from the repository root, GOPATH mode over Debian's Go sources, as
// shared/oracle/build.sh sets it up): testdata/templating/gen/sprigcrypto/run.sh
package main

import (
	"bytes"
	"encoding/json"
	"os"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

type bcryptVector struct {
	Password string `json:"password"`
	Hash     string `json:"hash"`
}

type aesVector struct {
	Password   string `json:"password"`
	Plaintext  string `json:"plaintext"`
	Ciphertext string `json:"ciphertext"`
}

func call(name string, args ...interface{}) string {
	var b bytes.Buffer
	t := template.Must(template.New("t").Funcs(sprig.TxtFuncMap()).Parse(`{{ ` + name + ` .a .b }}`))
	data := map[string]interface{}{"a": args[0]}
	if len(args) > 1 {
		data["b"] = args[1]
	} else {
		t = template.Must(template.New("t").Funcs(sprig.TxtFuncMap()).Parse(`{{ ` + name + ` .a }}`))
	}
	if err := t.Execute(&b, data); err != nil {
		panic(err)
	}
	return b.String()
}

func main() {
	out := struct {
		Bcrypt []bcryptVector `json:"bcrypt"`
		AES    []aesVector    `json:"aes"`
	}{}
	long := ""
	for i := 0; i < 80; i++ {
		long += string(rune('a' + i%26))
	}
	for _, p := range []string{"", "password", "héllo wörld", "a", long, "\x00ÿ"} {
		out.Bcrypt = append(out.Bcrypt, bcryptVector{p, call("bcrypt", p)})
	}
	for _, v := range [][2]string{{"secret", "hello world"}, {"", "x"}, {"a-very-long-password-of-more-than-32-bytes!", "exactly sixteen!"},
		{"pässwörd", "multi\nline\ttext with ünïcode"}, {"k", string(make([]byte, 40))}} {
		out.AES = append(out.AES, aesVector{v[0], v[1], call("encryptAES", v[0], v[1])})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile("testdata/templating/sprig_crypto_vectors.json", append(b, '\n'), 0o644); err != nil {
		panic(err)
	}
}
