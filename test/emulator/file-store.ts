import { extname } from "node:path";
import { badRequest } from "./api-error.js";

export type StoredFile = {
  fileId: string;
  fileUniqueId: string;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  filePath: string;
};

const MIME_BY_EXTENSION: Record<string, string> = {
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".zip": "application/zip",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".ogg": "audio/ogg",
  ".webp": "image/webp",
};

/** Telegram guesses the MIME type from the file name; grammY always uploads as octet-stream. */
export function guessMimeType(fileName: string, declared?: string): string {
  if (declared && declared !== "application/octet-stream") return declared;
  return MIME_BY_EXTENSION[extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

/** Files uploaded by users or bots, addressable by file_id (Bot API) and file_path (download route). */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  add(fileName: string, bytes: Buffer, mimeType?: string, folder = "documents"): StoredFile {
    const n = ++this.counter;
    const file: StoredFile = {
      fileId: `EMU_FILE_${n}_${Math.random().toString(36).slice(2, 10)}`,
      fileUniqueId: `EMU_UNIQUE_${n}`,
      fileName,
      mimeType: guessMimeType(fileName, mimeType),
      bytes,
      filePath: `${folder}/file_${n}${extname(fileName)}`,
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }

  get(fileId: unknown): StoredFile {
    const file = typeof fileId === "string" ? this.byId.get(fileId) : undefined;
    if (!file) throw badRequest("wrong file identifier/HTTP URL specified");
    return file;
  }

  getByPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }
}

export function toTelegramFile(file: StoredFile) {
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, file_path: file.filePath };
}

export function toTelegramDocument(file: StoredFile) {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_name: file.fileName,
    mime_type: file.mimeType,
    file_size: file.bytes.length,
  };
}
