// The composer's 📎 button: the persona sends a file (.docx, .doc, .rtf, .pdf — a scan too — .txt, an
// Excel sheet .xlsx) or a picture, with what is typed in the box as its caption (/nhap when the box is empty), as one does in
// Telegram. A picture goes as a photo, like Telegram's "send as photo"; hold Shift while choosing to
// send it as a file. Kept apart from app.js on purpose: it only uses app.js's S, $, api and toast.
function setupAttach() {
  const picker = document.createElement("input");
  picker.type = "file";
  picker.id = "attach-file";
  picker.hidden = true;
  picker.accept = ".docx,.doc,.rtf,.pdf,.txt,.xlsx,.xls,image/jpeg,image/png";
  const button = document.createElement("button");
  button.type = "button";
  button.id = "attach";
  button.className = "icon attach";
  button.title = "Gửi tệp hoặc ảnh (chú thích: nội dung đang gõ, mặc định /nhap)";
  button.textContent = "📎";
  let asFile = false;
  button.addEventListener("click", (ev) => { asFile = ev.shiftKey; picker.value = ""; picker.click(); });
  picker.addEventListener("change", () => { if (picker.files.length) attachFile(picker.files[0], asFile); });
  const input = $("input");
  input.parentNode.insertBefore(button, input);
  input.parentNode.appendChild(picker);
}

async function attachFile(file, asFile) {
  const input = $("input");
  const caption = input.value.trim() || "/nhap";
  const data = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  const asPhoto = !asFile && /^image\/(jpeg|png)$/.test(file.type);
  scrollToBottom();
  try {
    await api("/api/attach", {user: S.user, chat: S.chatId, filename: file.name, data, caption, as_photo: asPhoto});
    input.value = "";
  } catch (err) { toast(err.message); }
}

setupAttach();
