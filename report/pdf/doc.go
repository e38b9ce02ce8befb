// Package pdf prints activity summaries, year ledgers, sign-in sheets and the award case write-up as A4 PDFs with Chinese text and photos.
package pdf
