// Si KERJA: send one file to /berkas/unggah with a progress bar. Resolves with the
// server's JSON answer ({ok, file_id, name} or {ok: false, error}); Reflex passes it on
// to the page's upload_done handler. ``purpose`` (optional) is sent as ?tujuan=… (e.g.
// "impor-register": XLSX or CSV for the register import, admins only).
window.sikerjaUpload = function (inputId, progressId, kind, purpose) {
  return new Promise(function (resolve) {
    var input = document.getElementById(inputId);
    if (!input || !input.files || !input.files.length) {
      resolve({ ok: false, error: "Pilih berkas terlebih dahulu.", kind: kind });
      return;
    }
    var file = input.files[0];
    var form = new FormData();
    form.append("berkas", file, file.name);
    var bar = document.getElementById(progressId);
    if (bar) { bar.value = 0; bar.hidden = false; }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/berkas/unggah" + (purpose ? "?tujuan=" + encodeURIComponent(purpose) : ""));
    xhr.upload.onprogress = function (e) {
      if (bar && e.lengthComputable) { bar.value = Math.round((100 * e.loaded) / e.total); }
    };
    xhr.onload = function () {
      var answer;
      try { answer = JSON.parse(xhr.responseText); }
      catch (err) { answer = { ok: false, error: "Unggahan gagal (kode " + xhr.status + ")." }; }
      answer.kind = kind;
      if (bar) { bar.hidden = true; }
      input.value = "";
      showChosen(input);
      resolve(answer);
    };
    xhr.onerror = function () {
      if (bar) { bar.hidden = true; }
      resolve({ ok: false, error: "Koneksi terputus saat mengunggah. Coba lagi.", kind: kind });
    };
    xhr.send(form);
  });
};

// Show the chosen file's name beside the picker (label element named in data-nama).
function showChosen(input) {
  var target = document.getElementById(input.getAttribute("data-nama") || "");
  if (target) {
    target.textContent = input.files && input.files.length ? input.files[0].name : "Pilih berkas…";
  }
}
document.addEventListener("change", function (e) {
  if (e.target && e.target.matches && e.target.matches("input[type=file][data-nama]")) { showChosen(e.target); }
});
