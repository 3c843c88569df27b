export declare const LINUX_SIZES: number[];
export declare function renderIcons(svgFile: string, outDir: string): Promise<string[]>;
export declare const TRAY_COLOURS: Record<string, string>;
export declare const TRAY_SIZES: number[];
export declare function renderTrayIcons(svgFile: string, outDir: string): Promise<string[]>;
